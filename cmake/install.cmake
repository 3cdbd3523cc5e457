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

# Relocatable: the prefix is found from the .pc file's own place, so
# `cmake --install build --prefix P` gives a file that is right for P.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(HASHMAP_MEM_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH relative "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
  set(HASHMAP_MEM_PC_PREFIX "\${pcfiledir}/${relative}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/hashmap_mem.pc.in ${PROJECT_BINARY_DIR}/hashmap_mem.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/hashmap_mem.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
