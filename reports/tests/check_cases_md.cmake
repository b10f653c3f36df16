# Fails when docs/cases.md is not what `conform list --format md` prints now, so the
# catalogue in the docs never goes stale. Regenerate: tools/regen-docs
#   cmake -DCONFORM=bin -DEXPECTED=docs/cases.md -DACTUAL=out.md -P check_cases_md.cmake
execute_process(COMMAND ${CONFORM} list --format md OUTPUT_FILE ${ACTUAL} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "conform list --format md exited ${status}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${EXPECTED} ${ACTUAL} RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "docs/cases.md is stale: it differs from `conform list --format md` (${ACTUAL}). "
                      "Regenerate it with tools/regen-docs and commit the result.")
endif()
