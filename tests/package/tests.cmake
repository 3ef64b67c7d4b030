# Packages this build as the Debian package (cpack), unpacks it into a scratch root and builds
# tests/package (a consumer project) against it: find_package(drdb CONFIG), drdb_add_synth and
# pkg-config, as users of the .deb would.
add_test(NAME package
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run.sh ${PROJECT_BINARY_DIR}
                 ${CMAKE_CURRENT_BINARY_DIR}/package-work ${CMAKE_GENERATOR} ${CMAKE_CXX_COMPILER})
set_tests_properties(package PROPERTIES LABELS package TIMEOUT 1200)
