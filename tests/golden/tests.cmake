# Golden outputs of every example (examples/<name>/main.cpp → tests/golden/<name>/), compared byte
# for byte and synthesized twice (tests/golden/check.sh).
file(GLOB DRDB_GOLDEN_EXAMPLE_MAINS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/*/main.cpp)
foreach(main IN LISTS DRDB_GOLDEN_EXAMPLE_MAINS)
  get_filename_component(dir ${main} DIRECTORY)
  get_filename_component(example ${dir} NAME)
  add_test(NAME golden.${example}
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/golden/check.sh $<TARGET_FILE:drdb-example-${example}>
            ${CMAKE_CURRENT_SOURCE_DIR}/golden/${example})
  set_tests_properties(golden.${example} PROPERTIES LABELS golden)
endforeach()

# An example's app spec (examples/<name>/<name>.yaml) must give the C++ program's bytes exactly.
file(GLOB DRDB_GOLDEN_EXAMPLE_SPECS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/*/*.yaml)
foreach(spec IN LISTS DRDB_GOLDEN_EXAMPLE_SPECS)
  get_filename_component(dir ${spec} DIRECTORY)
  get_filename_component(example ${dir} NAME)
  add_test(NAME golden.${example}.spec
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/golden/check.sh $<TARGET_FILE:drdb-synth>
            ${CMAKE_CURRENT_SOURCE_DIR}/golden/${example} --app ${spec})
  set_tests_properties(golden.${example}.spec PROPERTIES LABELS golden)
endforeach()
