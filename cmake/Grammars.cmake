# Fetch the pinned tree-sitter runtime and grammars (grammars/pins.tsv) from
# the npm registry at configure time and build them as static libraries.
# POLICYSCAN_GRAMMAR_DIR lets several build trees share one download.
set(POLICYSCAN_GRAMMAR_DIR "${CMAKE_BINARY_DIR}/_grammars" CACHE PATH "Where grammar sources are fetched")
execute_process(COMMAND bash ${CMAKE_SOURCE_DIR}/grammars/fetch.sh ${POLICYSCAN_GRAMMAR_DIR}
  RESULT_VARIABLE _fetch_rc)
if(NOT _fetch_rc EQUAL 0)
  message(FATAL_ERROR "grammars/fetch.sh failed (${_fetch_rc}): grammar sources could not be fetched")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/grammars/pins.tsv)

set(_g ${POLICYSCAN_GRAMMAR_DIR})
add_library(ts_runtime STATIC ${_g}/runtime/vendor/tree-sitter/lib/src/lib.c)
target_include_directories(ts_runtime SYSTEM PUBLIC ${_g}/runtime/vendor/tree-sitter/lib/include)
target_include_directories(ts_runtime PRIVATE ${_g}/runtime/vendor/tree-sitter/lib/src)
target_compile_definitions(ts_runtime PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
set_target_properties(ts_runtime PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)

# The fact extractor's tree walk reads the runtime's subtrees directly
# (scanner/parse/ts_walk.h says why), so it is built with the runtime's
# private headers.
add_library(ts_walk STATIC ${CMAKE_SOURCE_DIR}/scanner/parse/ts_walk.c)
target_include_directories(ts_walk PRIVATE ${_g}/runtime/vendor/tree-sitter/lib/src)
target_link_libraries(ts_walk PUBLIC ts_runtime)
set_target_properties(ts_walk PROPERTIES C_STANDARD 11)

set(_grammar_src)
foreach(dir javascript/src typescript/typescript/src typescript/tsx/src python/src go/src java/src
            kotlin/src swift/src ruby/src php/php/src csharp/src)
  list(APPEND _grammar_src ${_g}/${dir}/parser.c)
  if(EXISTS ${_g}/${dir}/scanner.c)
    list(APPEND _grammar_src ${_g}/${dir}/scanner.c)
    # Shared scanner headers (typescript's common/scanner.h) include
    # tree_sitter/parser.h relative to the grammar's own src/.
    set_source_files_properties(${_g}/${dir}/scanner.c PROPERTIES INCLUDE_DIRECTORIES ${_g}/${dir})
  endif()
endforeach()
add_library(ts_grammars STATIC ${_grammar_src})
target_link_libraries(ts_grammars PUBLIC ts_runtime)
# Generated parsers are huge tables: -O1 keeps debug builds' compile time sane
# without giving up much speed; warnings there are not ours to fix.
target_compile_options(ts_grammars PRIVATE -w $<$<CONFIG:Debug>:-O1>)
set_target_properties(ts_grammars PROPERTIES C_STANDARD 11)

# tree-sitter-swift 0.7.1's external scanner reads past a buffer in
# eat_raw_str_part (found by our ASan run on ordinary Swift input). It is
# third-party code we pin and do not patch: keep it out of the sanitizers so
# they report on everything else, and track the upgrade.
if(CMAKE_C_FLAGS MATCHES "sanitize=")
  set_source_files_properties(${_g}/swift/src/scanner.c PROPERTIES COMPILE_OPTIONS "-fno-sanitize=address,undefined")
endif()
