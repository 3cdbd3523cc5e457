# install() rules of the library: headers, the library, the exported CMake
# target hashmap_mem::hashmap_mem (find_package(hashmap_mem CONFIG)), its
# version file (SameMajorVersion) and hashmap_mem.pc for pkg-config.
# Included by core/CMakeLists.txt when HASHMAP_MEM_INSTALL is on.
include(CMakePackageConfigHelpers)

set(HASHMAP_MEM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/hashmap_mem)

install(TARGETS hashmap_mem EXPORT hashmap_memTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/hashmap_mem DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT hashmap_memTargets NAMESPACE hashmap_mem:: DESTINATION ${HASHMAP_MEM_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/hashmap_memConfig.cmake.in
  ${PROJECT_BINARY_DIR}/hashmap_memConfig.cmake INSTALL_DESTINATION ${HASHMAP_MEM_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/hashmap_memConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/hashmap_memConfig.cmake ${PROJECT_BINARY_DIR}/hashmap_memConfigVersion.cmake
  DESTINATION ${HASHMAP_MEM_CMAKE_DIR})

# The prefix pkg-config users expect: the install prefix itself, written
# when installing (install(CODE) sees `cmake --install --prefix P`'s P; DESTDIR
# is not part of it), not a path climbing from the .pc file's directory.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(HASHMAP_MEM_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(HASHMAP_MEM_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(HASHMAP_MEM_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(HASHMAP_MEM_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
set(HASHMAP_MEM_PC_PREFIX "@HASHMAP_MEM_INSTALL_PREFIX@")  # kept as is by configure_file, filled at install
configure_file(${PROJECT_SOURCE_DIR}/cmake/hashmap_mem.pc.in ${PROJECT_BINARY_DIR}/hashmap_mem.pc.in @ONLY)
install(CODE "
  get_filename_component(prefix \"\${CMAKE_INSTALL_PREFIX}\" ABSOLUTE)  # no .., no trailing /
  file(READ \"${PROJECT_BINARY_DIR}/hashmap_mem.pc.in\" pc)
  string(REPLACE \"@HASHMAP_MEM_INSTALL_PREFIX@\" \"\${prefix}\" pc \"\${pc}\")
  file(WRITE \"${PROJECT_BINARY_DIR}/hashmap_mem.pc\" \"\${pc}\")")
install(FILES ${PROJECT_BINARY_DIR}/hashmap_mem.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
