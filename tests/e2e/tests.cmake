# End-to-end deploys to the local mock AWS (moto_server + aws CLI, terraform), tests/e2e/*.py.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_test(NAME e2e.foundation
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_foundation.py $<TARGET_FILE:drdb-example-foundation>)
  add_test(NAME e2e.foundation.terraform
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_foundation_terraform.py $<TARGET_FILE:drdb-example-foundation>)
  add_test(NAME e2e.network
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_network.py $<TARGET_FILE:drdb-example-network>)
  set_tests_properties(e2e.foundation e2e.foundation.terraform e2e.network PROPERTIES LABELS e2e TIMEOUT 600 SKIP_RETURN_CODE 77)
endif()
