# The Lambda handlers in templates/lambda/<name>/, each run in-process against the local mock AWS
# (moto's Python library): one test per tests/handlers/test_<name>.py.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  # test_<module>.py of one module of a handler -> the handler's directory.
  set(DRDB_HANDLER_DIR_job_status launcher)
  file(GLOB DRDB_HANDLER_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/test_*.py)
  foreach(script IN LISTS DRDB_HANDLER_TESTS)
    get_filename_component(name ${script} NAME_WE)
    string(REGEX REPLACE "^test_" "" name ${name})
    set(directory ${name})
    if(DEFINED DRDB_HANDLER_DIR_${name})
      set(directory ${DRDB_HANDLER_DIR_${name}})
    endif()
    # -B: no __pycache__ next to the handler, which would change its packaged asset.
    add_test(NAME handlers.${name} COMMAND ${Python3_EXECUTABLE} -B ${script} ${PROJECT_SOURCE_DIR}/templates/lambda/${directory})
    set_tests_properties(handlers.${name} PROPERTIES LABELS handlers TIMEOUT 120 SKIP_RETURN_CODE 77)
  endforeach()
endif()
