# Compiler settings shared by every conform target, applied through conform::options.

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

add_library(conform_options INTERFACE)
add_library(conform::options ALIAS conform_options)
target_compile_options(conform_options INTERFACE -Wall -Wextra -Wpedantic
  $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
if(CONFORM_WERROR)
  target_compile_options(conform_options INTERFACE -Werror)
endif()
if(CONFORM_SANITIZE)
  target_compile_options(conform_options INTERFACE -fsanitize=address,undefined
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(conform_options INTERFACE -fsanitize=address,undefined)
endif()
if(CONFORM_FUZZ)
  # Coverage feedback for libFuzzer from every library, not only the target's own file.
  target_compile_options(conform_options INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(CONFORM_COVERAGE)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    target_compile_options(conform_options INTERFACE -fprofile-instr-generate -fcoverage-mapping)
    target_link_options(conform_options INTERFACE -fprofile-instr-generate)
  else()
    target_compile_options(conform_options INTERFACE --coverage)
    target_link_options(conform_options INTERFACE --coverage)
  endif()
endif()

# Asio and Beast are compiled once, in common/asio_impl.cpp; every other translation
# unit only sees declarations. Keep Asio/Beast headers out of widely included headers.
target_compile_definitions(conform_options INTERFACE
  BOOST_ASIO_SEPARATE_COMPILATION BOOST_BEAST_SEPARATE_COMPILATION
  BOOST_ASIO_NO_DEPRECATED BOOST_ASIO_DISABLE_BOOST_COROUTINE)
