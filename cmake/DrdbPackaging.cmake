# Packages made with `cpack` in a build directory (scripts/release.sh runs both on a Release build):
#   cpack -G DEB                                 drdb_<version>_<arch>.deb: everything `cmake --install`
#                                                puts in place (library, headers, CMake and pkg-config
#                                                files, drdb-synth, the spec schema), under /usr
#   cpack --config CPackSourceConfig.cmake       drdb-<version>-Source.tar.gz: the source tree
# Included after DrdbInstall.cmake, which decides DRDB_STATIC.

# The notices every copy must carry (Apache-2.0 section 4), where Debian looks for them.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/NOTICE" "${PROJECT_SOURCE_DIR}/CHANGELOG.md"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT drdb_runtime)

set(CPACK_PACKAGE_NAME drdb)
set(CPACK_PACKAGE_VENDOR "The drdb project")
set(CPACK_PACKAGE_CONTACT "The drdb project")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES OFF)  # a library users link: keep its symbols

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # drdb_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_LICENSE Apache-2.0)
# The shared libraries drdb-synth (and a shared libdrdb) run with, as dpkg-shlibdeps reads them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What building against the package needs: the compiler is the user's choice; CMake for
# find_package and drdb_add_synth (the pkg-config route does not need it, so it is only suggested);
# a static libdrdb links yaml-cpp, and its CMake package finds the header-only dependencies too.
set(DRDB_DEB_DEPENDS "")
if(DRDB_STATIC)
  set(DRDB_DEB_DEPENDS "libyaml-cpp-dev (>= 0.7), nlohmann-json3-dev (>= 3.10), libcli11-dev")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${DRDB_DEB_DEPENDS}")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cmake (>= 3.25), pkg-config")

set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME "drdb-${PROJECT_VERSION}-Source")
# Build trees, caches and local output are not source.
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/" "/out/" "/dist/" "/node_modules/" "__pycache__" "\\\\.pyc$")

include(CPack)
