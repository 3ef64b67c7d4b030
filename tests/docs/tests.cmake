# docs/USER_GUIDE.md, executed (tests/docs/test_user_guide.py): its commands in order against this
# build installed into a scratch HOME, the local mock AWS, offline Terraform, and its C++ app built
# with this build's generator and compiler.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_test(NAME docs.user_guide
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_user_guide.py
                   ${PROJECT_SOURCE_DIR}/docs/USER_GUIDE.md ${PROJECT_BINARY_DIR} $<TARGET_FILE:drdb-synth>
                   ${CMAKE_CURRENT_BINARY_DIR}/docs-work ${CMAKE_GENERATOR} ${CMAKE_CXX_COMPILER})
  set_tests_properties(docs.user_guide PROPERTIES LABELS docs TIMEOUT 900 SKIP_RETURN_CODE 77)
endif()
