# `drdb-synth diff BEFORE AFTER --json` checked against @aws-cdk/cloudformation-diff (npm, installed by
# scripts/test.sh) on template pairs made from the committed example output; the disagreements that
# drdb is right about are listed in disagreements.json.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_test(NAME diff.crosscheck
           COMMAND ${Python3_EXECUTABLE} -B ${CMAKE_CURRENT_LIST_DIR}/crosscheck.py $<TARGET_FILE:drdb-synth>
                   ${CMAKE_CURRENT_LIST_DIR}/../golden)
  set_tests_properties(diff.crosscheck PROPERTIES LABELS diff TIMEOUT 300 SKIP_RETURN_CODE 77
                       ENVIRONMENT DRDB_NODE_MODULES=${PROJECT_SOURCE_DIR}/.cache/tools/node_modules)
endif()
