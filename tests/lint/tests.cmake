# Lints what drdb writes with the real tools: cfn-lint for CloudFormation, `terraform validate`
# (offline, local provider mirror) for Terraform. A test is skipped (exit 77) only when its tool is
# absent; scripts/test.sh installs the tools.
set(DRDB_LINT_DIR ${CMAKE_CURRENT_LIST_DIR})

function(drdb_add_lint_tests name app_target)
  add_test(NAME lint.${name}.cfn-lint COMMAND bash ${DRDB_LINT_DIR}/lint_app.sh cfn $<TARGET_FILE:${app_target}>)
  add_test(NAME lint.${name}.terraform COMMAND bash ${DRDB_LINT_DIR}/lint_app.sh tf $<TARGET_FILE:${app_target}>)
  # Every state machine definition, checked by asl-validator (passes when the app has none).
  add_test(NAME lint.${name}.asl-validator COMMAND bash ${DRDB_LINT_DIR}/asl-validate.sh $<TARGET_FILE:${app_target}>)
  set_tests_properties(lint.${name}.cfn-lint lint.${name}.terraform lint.${name}.asl-validator
                       PROPERTIES LABELS lint SKIP_RETURN_CODE 77 TIMEOUT 600)
endfunction()

# The bundled app (examples/drdb/drdb.yaml, through drdb-synth), then every example program.
drdb_add_lint_tests(drdb-synth drdb-synth)
file(GLOB DRDB_LINT_EXAMPLE_MAINS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/*/main.cpp)
foreach(main IN LISTS DRDB_LINT_EXAMPLE_MAINS)
  get_filename_component(dir ${main} DIRECTORY)
  get_filename_component(example ${dir} NAME)
  if(TARGET drdb-example-${example})
    drdb_add_lint_tests(example-${example} drdb-example-${example})
  endif()
endforeach()

# Every Step Functions state, condition and integration in one state machine, linted like an example.
add_executable(drdb-lint-sfn-catalog ${DRDB_LINT_DIR}/sfn_catalog.cpp)
target_link_libraries(drdb-lint-sfn-catalog PRIVATE drdb::drdb)
drdb_set_warnings(drdb-lint-sfn-catalog)
drdb_add_lint_tests(sfn-catalog drdb-lint-sfn-catalog)

# Stacks reading each other's values (cross-stack references, exports, remote state).
add_executable(drdb-lint-multi-stack ${DRDB_LINT_DIR}/multi_stack_app.cpp)
target_link_libraries(drdb-lint-multi-stack PRIVATE drdb::drdb)
drdb_set_warnings(drdb-lint-multi-stack)
drdb_add_lint_tests(multi-stack drdb-lint-multi-stack)

# The spec schema, and every bundled app spec against it.
file(GLOB DRDB_LINT_SPECS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/*/*.yaml)
add_test(NAME lint.spec-schema
         COMMAND bash ${DRDB_LINT_DIR}/spec-schema.sh ${PROJECT_SOURCE_DIR}/schemas/drdb-spec.schema.json ${DRDB_LINT_SPECS})
set_tests_properties(lint.spec-schema PROPERTIES LABELS lint SKIP_RETURN_CODE 77 TIMEOUT 120)
