# The real drdb-synth binary, one ctest per case of cli_test.sh.
set(DRDB_CLI_TEST_CASES
  version help list synth validate synth-format synth-stack unknown-flag no-command bad-format unknown-stack
  unwritable-out deterministic diff diff-gate retained-removal synth-stale graph init spec)
foreach(case IN LISTS DRDB_CLI_TEST_CASES)
  add_test(NAME cli.${case}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/cli_test.sh $<TARGET_FILE:drdb-synth> ${case})
  set_tests_properties(cli.${case} PROPERTIES LABELS cli TIMEOUT 120)
endforeach()

# Bad inputs through an app binary: message, exit code 3, output directory untouched.
add_executable(drdb-test-bad-app ${CMAKE_CURRENT_LIST_DIR}/bad_app.cpp)
target_link_libraries(drdb-test-bad-app PRIVATE drdb::drdb)
drdb_set_warnings(drdb-test-bad-app)
set(DRDB_BAD_INPUTS
  "invalid-cidr|\\[App/S/Network\\] invalid VPC CIDR: \"10.0.0.0/33\" is not an IPv4 CIDR: the prefix length must be 0-32"
  "duplicate-id|\\[App/S/Data\\] there is already a construct with id \"Data\" in App/S — choose an id unique"
  "dangling-reference|\\[App/S/Reader\\] dangling reference to App/Other/Foreign, which belongs to another app"
  "dependency-cycle|\\[App/S/A\\] dependency cycle: App/S/A → App/S/B → App/S/A"
  "override-wrong-type|\\[App/S/Data\\] Properties.VersioningConfiguration.Status: .*string")
foreach(entry IN LISTS DRDB_BAD_INPUTS)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 case)
  list(GET parts 1 expected)
  add_test(NAME cli.bad-input.${case}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/bad_inputs.sh $<TARGET_FILE:drdb-test-bad-app> ${case} "${expected}")
  set_tests_properties(cli.bad-input.${case} PROPERTIES LABELS cli TIMEOUT 60)
endforeach()

# Policy rules, --rules, --report and validate through a user's app (rules_app.cpp), cases of cli_test.sh.
add_executable(drdb-test-rules-app ${CMAKE_CURRENT_LIST_DIR}/rules_app.cpp)
target_link_libraries(drdb-test-rules-app PRIVATE drdb::drdb)
drdb_set_warnings(drdb-test-rules-app)
foreach(case IN ITEMS story-fails story-synth-writes-nothing story-fixed-passes rules-warning rules-bad-value)
  add_test(NAME cli.rules.${case}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/cli_test.sh $<TARGET_FILE:drdb-test-rules-app> ${case})
  set_tests_properties(cli.rules.${case} PROPERTIES LABELS cli TIMEOUT 60)
endforeach()
