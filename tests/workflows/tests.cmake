# State machines and their triggers executed: each test_<name>.py runs an app's definitions with an
# ASL interpreter (aws-local-stepfunctions, which scripts/test.sh installs with jsonata), its Tasks
# served by the local mock AWS or simulated (tests/workflows/services.py), or matches the apps'
# events against their rules' patterns. docs/ARCHITECTURE.md, "Executing state machines in tests",
# says what is simulated.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  # test_<name>.py -> the apps it is given (drdb-synth runs the bundled DRDB reference app).
  set(DRDB_WORKFLOW_APPS_ensure_cluster drdb-synth drdb-example-pipeline drdb-example-workflow)
  set(DRDB_WORKFLOW_APPS_cluster_lifecycle drdb-synth drdb-example-pipeline)
  set(DRDB_WORKFLOW_APPS_intraday drdb-example-intraday)
  set(DRDB_WORKFLOW_APPS_extralabs drdb-example-extralabs)
  set(DRDB_WORKFLOW_APPS_cyi drdb-example-cyi)
  set(DRDB_WORKFLOW_APPS_pdm drdb-example-pdm)
  set(DRDB_WORKFLOW_APPS_event_rules drdb-synth drdb-example-cyi drdb-example-intraday drdb-example-pdm drdb-example-pipeline)
  file(GLOB DRDB_WORKFLOW_SCRIPTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/test_*.py)
  foreach(script IN LISTS DRDB_WORKFLOW_SCRIPTS)
    get_filename_component(name ${script} NAME_WE)
    string(REGEX REPLACE "^test_" "" name ${name})
    set(apps)
    foreach(app IN LISTS DRDB_WORKFLOW_APPS_${name})
      list(APPEND apps $<TARGET_FILE:${app}>)
    endforeach()
    add_test(NAME workflows.${name} COMMAND ${Python3_EXECUTABLE} ${script} ${apps})
    set_tests_properties(workflows.${name} PROPERTIES LABELS workflows TIMEOUT 300 SKIP_RETURN_CODE 77
                         ENVIRONMENT DRDB_NODE_MODULES=${PROJECT_SOURCE_DIR}/.cache/tools/node_modules)
  endforeach()
endif()
