# End-to-end deploys to the local mock AWS (moto_server + aws CLI, terraform): one test per
# tests/e2e/test_<example>.py (CloudFormation) or test_<example>_terraform.py, each given the
# example's binary drdb-example-<example>, or the test app named below.
find_package(Python3 COMPONENTS Interpreter)
set(DRDB_E2E_APP_multi_stack drdb-lint-multi-stack)  # tests/lint/multi_stack_app.cpp
set(DRDB_E2E_APP_spec_update drdb-synth)  # deploys examples/drdb/drdb.yaml, edits it, updates
set(DRDB_E2E_APP_retain drdb-synth)  # applies a spec, removes its retained table, applies again
if(Python3_FOUND)
  file(GLOB DRDB_E2E_SCRIPTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/test_*.py)
  foreach(script IN LISTS DRDB_E2E_SCRIPTS)
    get_filename_component(name ${script} NAME_WE)
    string(REGEX REPLACE "^test_" "" name ${name})
    set(example ${name})
    set(test e2e.${name})
    if(name MATCHES "^(.*)_terraform$")
      set(example ${CMAKE_MATCH_1})
      set(test e2e.${example}.terraform)
    endif()
    set(app drdb-example-${example})
    if(DEFINED DRDB_E2E_APP_${example})
      set(app ${DRDB_E2E_APP_${example}})
    endif()
    add_test(NAME ${test} COMMAND ${Python3_EXECUTABLE} ${script} $<TARGET_FILE:${app}>)
    # The node tools scripts/test.sh installs (sfn_run.py executes workflows with tests/workflows/asl.py).
    set_tests_properties(${test} PROPERTIES LABELS e2e TIMEOUT 600 SKIP_RETURN_CODE 77
                         ENVIRONMENT DRDB_NODE_MODULES=${PROJECT_SOURCE_DIR}/.cache/tools/node_modules)
  endforeach()
endif()
