# Portability: the library's sources and public headers compile with clang and libc++ too.
add_test(NAME portability.libcxx
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/libcxx.sh ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
set_tests_properties(portability.libcxx PROPERTIES LABELS portability TIMEOUT 1200 SKIP_RETURN_CODE 77)
