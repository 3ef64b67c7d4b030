# The bad-spec corpus: each tests/spec_corpus/<case>.yaml must get its messages (file:line:col or the
# construct's path), its exit code, and no output written (check.sh).
file(GLOB DRDB_SPEC_CORPUS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.yaml)
foreach(spec IN LISTS DRDB_SPEC_CORPUS)
  get_filename_component(name ${spec} NAME_WE)
  add_test(NAME spec-corpus.${name} COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check.sh $<TARGET_FILE:drdb-synth> ${spec})
  set_tests_properties(spec-corpus.${name} PROPERTIES LABELS spec-corpus TIMEOUT 60)
endforeach()
