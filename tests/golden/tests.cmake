# Golden outputs of the bundled example, compared byte for byte (tests/golden/check.sh).
add_test(NAME golden.foundation
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/golden/check.sh $<TARGET_FILE:drdb-example-foundation>
          ${CMAKE_CURRENT_SOURCE_DIR}/golden/foundation)
