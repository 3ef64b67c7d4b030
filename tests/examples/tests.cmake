# The example test of the testing API (examples/testing) runs in the suite.
add_test(NAME examples.testing COMMAND drdb-example-testing)
set_tests_properties(examples.testing PROPERTIES LABELS examples)
