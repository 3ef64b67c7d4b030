# Installing drdb: headers (hand-written and generated), the library, drdb-synth, a CMake package
# (find_package(drdb CONFIG) -> drdb::drdb, plus drdb_add_synth) and a pkg-config file.
# Included at the end of the top-level CMakeLists.txt, once every target exists.
include(CMakePackageConfigHelpers)

# A static libdrdb carries its private dependencies as link-only entries of drdb::drdb, so the
# package config must find them; a shared one does not need them at all.
get_target_property(DRDB_LIBRARY_TYPE drdb TYPE)
if(DRDB_LIBRARY_TYPE STREQUAL "STATIC_LIBRARY")
  set(DRDB_STATIC ON)
else()
  set(DRDB_STATIC OFF)
endif()

set(DRDB_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/drdb" CACHE STRING
    "Where the drdb CMake package files are installed, relative to the prefix")

# ---- version header ----------------------------------------------------------------------------
# drdb/version.hpp is generated from project() so the version has one source; drdb-synth --version
# prints it and users can test it at compile time.
set(DRDB_VERSION_INCLUDE_DIR "${PROJECT_BINARY_DIR}/version/include")
file(CONFIGURE OUTPUT "${DRDB_VERSION_INCLUDE_DIR}/drdb/version.hpp" CONTENT [[
// generated from CMakeLists.txt project(VERSION) — do not edit
#pragma once

#define DRDB_VERSION "@PROJECT_VERSION@"
#define DRDB_VERSION_MAJOR @PROJECT_VERSION_MAJOR@
#define DRDB_VERSION_MINOR @PROJECT_VERSION_MINOR@
#define DRDB_VERSION_PATCH @PROJECT_VERSION_PATCH@
]] @ONLY)
target_include_directories(drdb PUBLIC $<BUILD_INTERFACE:${DRDB_VERSION_INCLUDE_DIR}>)

# ---- headers -------------------------------------------------------------------------------------
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/drdb" "${DRDB_VERSION_INCLUDE_DIR}/drdb"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT drdb_development
        FILES_MATCHING PATTERN "*.hpp")
if(DRDB_L1_INCLUDE_DIR)
  # The generated L1 headers exist only after the build; install(DIRECTORY) reads them at install time.
  install(DIRECTORY "${DRDB_L1_INCLUDE_DIR}/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
          COMPONENT drdb_development FILES_MATCHING PATTERN "*.hpp")
endif()

# ---- library and tool ----------------------------------------------------------------------------
install(TARGETS drdb EXPORT drdbTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT drdb_development
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT drdb_runtime NAMELINK_COMPONENT drdb_development
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT drdb_runtime)
install(TARGETS drdb-synth RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT drdb_runtime)
# The JSON Schema of app specs, for editors' completion.
install(FILES "${PROJECT_SOURCE_DIR}/schemas/drdb-spec.schema.json" DESTINATION "${CMAKE_INSTALL_DATADIR}/drdb" COMPONENT drdb_runtime)
# A shared libdrdb: the installed tool finds it relative to itself, wherever the prefix lands.
if(NOT DRDB_STATIC AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_BINDIR}" AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  file(RELATIVE_PATH DRDB_BIN_TO_LIB "/prefix/${CMAKE_INSTALL_BINDIR}" "/prefix/${CMAKE_INSTALL_LIBDIR}")
  set_target_properties(drdb-synth PROPERTIES INSTALL_RPATH "$ORIGIN/${DRDB_BIN_TO_LIB}")
endif()

# ---- CMake package -------------------------------------------------------------------------------
install(EXPORT drdbTargets NAMESPACE drdb:: DESTINATION "${DRDB_INSTALL_CMAKEDIR}" COMPONENT drdb_development)

configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/drdbConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/drdbConfig.cmake"
  INSTALL_DESTINATION "${DRDB_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/drdbConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/drdbConfig.cmake" "${PROJECT_BINARY_DIR}/drdbConfigVersion.cmake"
              "${CMAKE_CURRENT_LIST_DIR}/DrdbSynth.cmake"
        DESTINATION "${DRDB_INSTALL_CMAKEDIR}" COMPONENT drdb_development)

# ---- pkg-config ----------------------------------------------------------------------------------
# The prefix is computed from the .pc file's own location, so `cmake --install --prefix DIR`
# (a prefix other than the configured one) still yields a correct file.
set(DRDB_PKGCONFIG_DIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(DRDB_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH DRDB_PC_UP "/prefix/${DRDB_PKGCONFIG_DIR}" "/prefix")
  string(REGEX REPLACE "/$" "" DRDB_PC_UP "${DRDB_PC_UP}")
  set(DRDB_PC_PREFIX "\${pcfiledir}/${DRDB_PC_UP}")
endif()
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(DRDB_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(DRDB_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
# yaml-cpp is the only dependency with a library to link (nlohmann_json and CLI11 are header-only
# and used inside libdrdb). Static: users linking with plain `--libs` need it too.
if(DRDB_STATIC)
  set(DRDB_PC_REQUIRES "Requires: yaml-cpp")
else()
  set(DRDB_PC_REQUIRES "Requires.private: yaml-cpp")
endif()
configure_file("${CMAKE_CURRENT_LIST_DIR}/drdb.pc.in" "${PROJECT_BINARY_DIR}/drdb.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/drdb.pc" DESTINATION "${DRDB_PKGCONFIG_DIR}" COMPONENT drdb_development)
