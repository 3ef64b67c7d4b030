# The real drdb-synth binary, one ctest per case of cli_test.sh.
set(DRDB_CLI_TEST_CASES
  version help list synth synth-format synth-stack unknown-flag no-command bad-format unknown-stack
  unwritable-out deterministic)
foreach(case IN LISTS DRDB_CLI_TEST_CASES)
  add_test(NAME cli.${case}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/cli_test.sh $<TARGET_FILE:drdb-synth> ${case})
  set_tests_properties(cli.${case} PROPERTIES LABELS cli TIMEOUT 120)
endforeach()
