# Finds the LibreOffice SDK and generates the UNO C++ headers for the whole office API into the
# build tree with cppumaker (about a second; nothing generated is committed).
#
# Provides:
#   LibreOfficeSDK_FOUND, LIBREOFFICE_PROGRAM_DIR, LIBREOFFICE_SOFFICE, LIBREOFFICE_UNOPKG
#   target LibreOffice::SDK (INTERFACE): include dirs, UNO definitions and the uno_* libraries

set(_lo_hints /usr/lib/libreoffice /opt/libreoffice /usr/local/lib/libreoffice)
find_path(LIBREOFFICE_ROOT NAMES program/types.rdb HINTS ${LIBREOFFICE_ROOT} ${_lo_hints})
find_path(LIBREOFFICE_SDK_DIR NAMES bin/cppumaker HINTS ${LIBREOFFICE_ROOT}/sdk)
find_path(LIBREOFFICE_SDK_INCLUDE_DIR NAMES cppuhelper/implbase4.hxx
          HINTS ${LIBREOFFICE_SDK_DIR}/include /usr/include/libreoffice)
find_program(LIBREOFFICE_CPPUMAKER cppumaker HINTS ${LIBREOFFICE_SDK_DIR}/bin NO_DEFAULT_PATH)
find_program(LIBREOFFICE_SOFFICE soffice HINTS ${LIBREOFFICE_ROOT}/program NO_DEFAULT_PATH)
find_program(LIBREOFFICE_UNOPKG unopkg HINTS ${LIBREOFFICE_ROOT}/program NO_DEFAULT_PATH)
set(LIBREOFFICE_PROGRAM_DIR ${LIBREOFFICE_ROOT}/program)

foreach(_lib uno_cppu uno_cppuhelpergcc3 uno_sal)
  find_library(LIBREOFFICE_${_lib}_LIBRARY NAMES ${_lib}
               HINTS ${LIBREOFFICE_SDK_DIR}/lib ${LIBREOFFICE_PROGRAM_DIR} NO_DEFAULT_PATH)
  list(APPEND _lo_libs LIBREOFFICE_${_lib}_LIBRARY)
endforeach()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibreOfficeSDK
  REQUIRED_VARS LIBREOFFICE_ROOT LIBREOFFICE_SDK_INCLUDE_DIR LIBREOFFICE_CPPUMAKER
                LIBREOFFICE_SOFFICE ${_lo_libs}
  REASON_FAILURE_MESSAGE "install libreoffice-dev and libreoffice-writer (./scripts/deps.sh does)")

if(LibreOfficeSDK_FOUND AND NOT TARGET LibreOffice::SDK)
  set(_types ${LIBREOFFICE_PROGRAM_DIR}/types.rdb ${LIBREOFFICE_PROGRAM_DIR}/types/offapi.rdb)
  set(LIBREOFFICE_UNO_INCLUDE_DIR ${PROJECT_BINARY_DIR}/uno-include)
  set(_stamp ${LIBREOFFICE_UNO_INCLUDE_DIR}/.stamp)
  file(MAKE_DIRECTORY ${LIBREOFFICE_UNO_INCLUDE_DIR})
  # cppumaker wants absolute input paths and -O without a space.
  add_custom_command(OUTPUT ${_stamp}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${LIBREOFFICE_UNO_INCLUDE_DIR}
    COMMAND ${LIBREOFFICE_CPPUMAKER} -Gc -O${LIBREOFFICE_UNO_INCLUDE_DIR} ${_types}
    COMMAND ${CMAKE_COMMAND} -E touch ${_stamp}
    DEPENDS ${_types}
    COMMENT "Generating UNO C++ headers with cppumaker"
    VERBATIM)
  add_custom_target(uno_headers DEPENDS ${_stamp})

  add_library(LibreOffice::SDK INTERFACE IMPORTED)
  target_include_directories(LibreOffice::SDK SYSTEM INTERFACE
    ${LIBREOFFICE_SDK_INCLUDE_DIR} ${LIBREOFFICE_UNO_INCLUDE_DIR})
  target_compile_definitions(LibreOffice::SDK INTERFACE UNX GCC LINUX CPPU_ENV=gcc3)
  target_link_libraries(LibreOffice::SDK INTERFACE
    ${LIBREOFFICE_uno_cppuhelpergcc3_LIBRARY} ${LIBREOFFICE_uno_cppu_LIBRARY}
    ${LIBREOFFICE_uno_sal_LIBRARY})
endif()
