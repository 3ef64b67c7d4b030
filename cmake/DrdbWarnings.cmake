# Warnings for every drdb target; CI turns them into errors with -DDRDB_WERROR=ON.
function(drdb_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
    # Props are aggregates set with designated initializers ({.cidr = ...}); unset members keep
    # their defaults on purpose, which GCC 12 would report one warning per member.
    -Wno-missing-field-initializers)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 reports a false -Wrestrict inside libstdc++ for `"literal" + std::string` at -O2/-O3
    # (GCC bug 105651, fixed in GCC 13), and false -Wmaybe-uninitialized inside std::variant's
    # copy when a Value is built from a temporary (GCC bugs 105562/107138).
    target_compile_options(${target} PRIVATE -Wno-restrict -Wno-maybe-uninitialized)
  endif()
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    # Every Fields<S> trait of lib/spec declares the trait's whole shape (name and fields, see
    # spec/fields.hpp), and the name is read only where S is read as a value; clang reports the other
    # specializations' names, which GCC never does for C++ (its -Wunused-const-variable=1 is C only).
    target_compile_options(${target} PRIVATE -Wno-unused-const-variable)
  endif()
  if(DRDB_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
