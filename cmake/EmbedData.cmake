# Writes a C++ header holding text files as raw string literals, so the built-in rule data is
# part of the program and can never go missing or be half-installed.
# Usage: cmake -DOUTPUT=... -DNAMES=kA,kB -DFILES=a.json,b.json -P EmbedData.cmake
string(REPLACE "," ";" NAMES "${NAMES}")
string(REPLACE "," ";" FILES "${FILES}")
set(_content "#pragma once\n// Generated from rules/ by cmake/EmbedData.cmake. Do not edit.\n\nnamespace dueregard::engine::builtin\n{\n")
list(LENGTH NAMES _count)
math(EXPR _last "${_count} - 1")
foreach(_i RANGE ${_last})
  list(GET NAMES ${_i} _name)
  list(GET FILES ${_i} _file)
  file(READ ${_file} _text)
  string(APPEND _content "inline constexpr char ${_name}[] = R\"dueregard(${_text})dueregard\";\n")
endforeach()
string(APPEND _content "} // namespace dueregard::engine::builtin\n")
file(WRITE ${OUTPUT}.tmp "${_content}")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
