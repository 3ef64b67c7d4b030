# drdb_add_synth: synthesize an app's templates as part of the build.
#
#   drdb_add_synth(NAME <target> APP <executable-target>
#                  [FORMATS <format>...]    # cloudformation, cloudformation-yaml, terraform, all (default)
#                  [STACKS <stack>...]      # default: every stack
#                  [OUT_DIR <dir>]          # default: ${CMAKE_CURRENT_BINARY_DIR}/<target>; relative to it
#                  [OUTPUTS <file>...]      # expected files, relative to OUT_DIR (declared as byproducts)
#                  [EXCLUDE_FROM_ALL])
#
# APP is an executable whose main() hands its command line to drdb::run. The custom target <target>
# runs `APP synth` whenever APP is rebuilt and then touches a stamp file (kept out of OUT_DIR): make
# other custom commands DEPEND on that stamp (its path is the target property DRDB_SYNTH_STAMP, the
# directory DRDB_SYNTH_OUT_DIR), or on files named in OUTPUTS, and targets on <target>.
# Stack names are only known when APP runs, so the files cannot be listed unless OUTPUTS says so.
include_guard(GLOBAL)

function(drdb_add_synth)
  cmake_parse_arguments(PARSE_ARGV 0 arg "EXCLUDE_FROM_ALL" "NAME;APP;OUT_DIR" "FORMATS;STACKS;OUTPUTS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "drdb_add_synth: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_NAME OR NOT arg_APP)
    message(FATAL_ERROR "drdb_add_synth: NAME and APP are required")
  endif()
  if(NOT TARGET ${arg_APP})
    message(FATAL_ERROR "drdb_add_synth: APP '${arg_APP}' is not a target (define it before calling)")
  endif()

  set(out_dir "${arg_OUT_DIR}")
  if(NOT out_dir)
    set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/${arg_NAME}")
  elseif(NOT IS_ABSOLUTE "${out_dir}")
    set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/${out_dir}")
  endif()
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${arg_NAME}.drdb-synth.stamp")

  set(options "")
  if(arg_FORMATS)
    list(JOIN arg_FORMATS "," formats)
    list(APPEND options --format "${formats}")
  endif()
  foreach(stack IN LISTS arg_STACKS)
    list(APPEND options --stack "${stack}")
  endforeach()
  set(byproducts "")
  foreach(file IN LISTS arg_OUTPUTS)
    list(APPEND byproducts "${out_dir}/${file}")
  endforeach()

  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS ${byproducts}
    COMMAND "$<TARGET_FILE:${arg_APP}>" synth ${options} --out "${out_dir}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS ${arg_APP}
    COMMENT "Synthesizing ${arg_APP} into ${out_dir}"
    VERBATIM)
  if(arg_EXCLUDE_FROM_ALL)
    add_custom_target(${arg_NAME} DEPENDS "${stamp}")
  else()
    add_custom_target(${arg_NAME} ALL DEPENDS "${stamp}")
  endif()
  set_target_properties(${arg_NAME} PROPERTIES DRDB_SYNTH_OUT_DIR "${out_dir}" DRDB_SYNTH_STAMP "${stamp}")
endfunction()
