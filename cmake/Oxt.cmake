# Assembles build/dueregard-<version>.oxt: every XML file is generated from the identity in the
# top-level CMakeLists.txt, the library and data are copied in, and the tree is zipped.

set(_root ${PROJECT_BINARY_DIR}/oxt-root)
set(_src ${PROJECT_SOURCE_DIR})

# Configuration data (.xcu) shipped in the package, each generated from its .in template.
set(_xcu_templates
  registry/data/org/openoffice/Office/UI/Sidebar.xcu
  registry/data/org/openoffice/Office/UI/Factories.xcu
  registry/data/org/openoffice/Office/ProtocolHandler.xcu
  registry/data/org/openoffice/Office/Addons.xcu
  registry/data/org/openoffice/Office/OptionsDialog.xcu
)
set(DUEREGARD_MANIFEST_XCU "")
# The settings schema (defaults included).
set(_xcs registry/schema/org/dueregard/writer/Settings.xcs)
configure_file(${_src}/${_xcs}.in ${_root}/${_xcs} @ONLY)
string(APPEND DUEREGARD_MANIFEST_XCU
  "  <manifest:file-entry manifest:media-type=\"application/vnd.sun.star.configuration-schema\"\n"
  "                       manifest:full-path=\"${_xcs}\"/>\n")
set(_generated ${_root}/${_xcs})
foreach(_xcu IN LISTS _xcu_templates)
  configure_file(${_src}/${_xcu}.in ${_root}/${_xcu} @ONLY)
  list(APPEND _generated ${_root}/${_xcu})
  string(APPEND DUEREGARD_MANIFEST_XCU
    "  <manifest:file-entry manifest:media-type=\"application/vnd.sun.star.configuration-data\"\n"
    "                       manifest:full-path=\"${_xcu}\"/>\n")
endforeach()

configure_file(${_src}/package/description.xml.in ${_root}/description.xml @ONLY)
configure_file(${_src}/package/META-INF/manifest.xml.in ${_root}/META-INF/manifest.xml @ONLY)
configure_file(${_src}/package/dueregard.components.in ${_root}/dueregard.components @ONLY)
list(APPEND _generated ${_root}/description.xml ${_root}/META-INF/manifest.xml ${_root}/dueregard.components)

# Static files copied as they are.
set(_static
  dialogs/About.xdl
  dialogs/Dismiss.xdl
  dialogs/Options.xdl
  rules/lexicon/en-GB.json
  rules/packs/core.json
  rules/templates/en-GB.json
  rules/glossary/en-GB.json
  rules/schema/lexicon.schema.json
  rules/schema/rulepack.schema.json
  rules/schema/templates.schema.json
  rules/schema/glossary.schema.json
  package/description/desc_en-GB.txt
  package/icons/extension.png
  package/icons/deck.png
  package/icons/deck_hc.png
  package/icons/deck_16.png
  package/icons/insert_16.png
  package/icons/insert_26.png
)
set(_copied)
foreach(_file IN LISTS _static)
  string(REGEX REPLACE "^package/" "" _dest ${_file})
  add_custom_command(OUTPUT ${_root}/${_dest}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${_src}/${_file} ${_root}/${_dest}
    DEPENDS ${_src}/${_file} VERBATIM)
  list(APPEND _copied ${_root}/${_dest})
endforeach()
add_custom_command(OUTPUT ${_root}/LICENSE
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${_src}/LICENSE ${_root}/LICENSE
  DEPENDS ${_src}/LICENSE VERBATIM)
list(APPEND _copied ${_root}/LICENSE)

set(_library_dest ${_root}/Linux_x86_64/${DUEREGARD_LIBRARY_NAME}.so)
add_custom_command(OUTPUT ${DUEREGARD_OXT_PATH}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${_root}/Linux_x86_64
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE:dueregard_uno> ${_library_dest}
  # Debug information stays in build/lib; users get the small library.
  COMMAND ${CMAKE_STRIP} --strip-unneeded ${_library_dest}
  COMMAND ${CMAKE_COMMAND} -E rm -f ${DUEREGARD_OXT_PATH}
  COMMAND ${CMAKE_COMMAND} -E chdir ${_root}
          ${CMAKE_COMMAND} -E tar cf ${DUEREGARD_OXT_PATH} --format=zip --
          description.xml META-INF dueregard.components registry description dialogs rules icons LICENSE Linux_x86_64
  DEPENDS dueregard_uno ${_generated} ${_copied}
  COMMENT "Packaging ${DUEREGARD_OXT_PATH}"
  VERBATIM)
add_custom_target(oxt ALL DEPENDS ${DUEREGARD_OXT_PATH})
