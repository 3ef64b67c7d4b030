# Sanitizers and fuzzing for every target of the build (docs/ARCHITECTURE.md, "Testing").
#
#   -DDRDB_SANITIZE=address,undefined   instrument everything; any UB report fails its test
#   -DDRDB_FUZZ=ON                      (clang) also instrument for libFuzzer and build tests/fuzz
#
# Included before any target is defined: add_compile_options/add_link_options reach every target.
set(DRDB_SANITIZE "" CACHE STRING "Sanitizers for every target, as -fsanitize= takes them (e.g. address,undefined)")
# Appended after the build type's flags. Instrumented code compiles about twice as slowly at -O1 as
# at -O0, which costs about what an uninstrumented -O2 build does, and the suite runs fast enough
# unoptimized. -g1: line tables, so reports name file and line.
set(DRDB_SANITIZE_FLAGS "-O0 -g1" CACHE STRING "Optimization and debug flags of a sanitized build (DRDB_SANITIZE)")
option(DRDB_FUZZ "Build the libFuzzer targets of tests/fuzz (requires clang)" OFF)

if(DRDB_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "DRDB_FUZZ needs clang (libFuzzer): configure with CXX=clang++")
  endif()
  # Coverage feedback from the library itself, not only from the fuzz target.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(DRDB_SANITIZE)
  separate_arguments(_drdb_sanitize_flags UNIX_COMMAND "${DRDB_SANITIZE_FLAGS}")
  add_compile_options(-fsanitize=${DRDB_SANITIZE} -fno-omit-frame-pointer ${_drdb_sanitize_flags})
  add_link_options(-fsanitize=${DRDB_SANITIZE})
  if(DRDB_SANITIZE MATCHES "undefined")
    # UBSan only prints and goes on by default; a test must fail instead.
    add_compile_options(-fno-sanitize-recover=undefined)
  endif()
endif()

# An instrumented libdrdb needs the sanitizer runtimes in every program linking it, so the installed
# package (CMake and pkg-config) carries the flag to its users' links. Call once drdb exists.
function(drdb_sanitizer_usage_requirements target)
  if(DRDB_SANITIZE)
    target_link_options(${target} INTERFACE -fsanitize=${DRDB_SANITIZE})
    set(DRDB_PC_SANITIZE_LIBS " -fsanitize=${DRDB_SANITIZE}" PARENT_SCOPE)
  else()
    set(DRDB_PC_SANITIZE_LIBS "" PARENT_SCOPE)
  endif()
endfunction()
