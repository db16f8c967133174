# ctest package.no_test_hooks: the shipped .oxt's library has no test hook. The fault injection
# the integration tests use (DUEREGARD_FAULT: a check that throws, an office that hangs or kills
# itself) is only in the test build's library (extension/app/TestHooks.cxx); a user's office must
# never read it. Checks the library inside the .oxt and the one it was made from (build/lib), and,
# so that the check is known to see the hook, that the test package's library has it.
#   cmake -DOXT=... -DLIBRARY=... [-DTEST_OXT=...] -DWORK=... -P no_test_hooks.cmake
cmake_minimum_required(VERSION 3.25)
set(_needle "DUEREGARD_FAULT")
foreach(_path OXT LIBRARY TEST_OXT WORK)
  if(${_path})
    get_filename_component(${_path} ${${_path}} ABSOLUTE)
  endif()
endforeach()

# The strings in the native library of the package OXT, unpacked under WORK/NAME.
function(library_strings oxt name out)
  set(_dir ${WORK}/${name})
  file(REMOVE_RECURSE ${_dir})
  file(MAKE_DIRECTORY ${_dir})
  execute_process(COMMAND ${CMAKE_COMMAND} -E tar xf ${oxt} WORKING_DIRECTORY ${_dir} RESULT_VARIABLE _rc)
  file(GLOB _libraries ${_dir}/Linux_x86_64/*.so)
  if(NOT _rc EQUAL 0 OR NOT _libraries)
    message(FATAL_ERROR "could not unpack a native library from ${oxt}")
  endif()
  file(STRINGS ${_libraries} _hits REGEX "${_needle}")
  set(${out} "${_hits}" PARENT_SCOPE)
endfunction()

library_strings(${OXT} shipped _shipped)
if(_shipped)
  message(FATAL_ERROR "the shipped ${OXT} has test hooks in its library: ${_shipped}")
endif()
file(STRINGS ${LIBRARY} _built REGEX "${_needle}")
if(_built)
  message(FATAL_ERROR "${LIBRARY}, which the shipped .oxt packages, has test hooks: ${_built}")
endif()
message(STATUS "no ${_needle} in ${OXT} nor in ${LIBRARY}")
if(TEST_OXT)
  library_strings(${TEST_OXT} testhooks _test)
  if(NOT _test)
    message(FATAL_ERROR "the test package ${TEST_OXT} has no ${_needle}: this check would not see a hook")
  endif()
  message(STATUS "the test package ${TEST_OXT} has them, as it should")
endif()
file(REMOVE_RECURSE ${WORK})
