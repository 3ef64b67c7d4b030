# The job scripts the examples' EMR steps run (examples/<example>/jobs/), tested without a cluster:
# one test per tests/jobs/test_<name>.py (argument parsing, paths, refusals and the transformations
# on plain rows; HiveQL rules; S3 writes against moto's in-process mock; test_steps checks each
# script against its synthesized step).
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  file(GLOB DRDB_JOB_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/test_*.py)
  foreach(script IN LISTS DRDB_JOB_TESTS)
    get_filename_component(name ${script} NAME_WE)
    string(REGEX REPLACE "^test_" "" name ${name})
    # -B: no __pycache__ beside the scripts, each of which is uploaded alone as an asset.
    add_test(NAME jobs.${name} COMMAND ${Python3_EXECUTABLE} -B ${script})
    set_tests_properties(jobs.${name} PROPERTIES LABELS jobs TIMEOUT 120 SKIP_RETURN_CODE 77)
  endforeach()
endif()
