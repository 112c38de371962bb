# Installation and the Debian package, one per LLVM major. Every file of a
# major lives under its own directory, so trees (and packages) for several
# majors install side by side:
#
#   <prefix>/lib/leaktidy/llvm-N/bin/leak-tidy, leak-clangd, leak-tidy-run
#   <prefix>/lib/leaktidy/llvm-N/python/leaktidy  the package behind leak-tidy-run
#   <prefix>/lib/leaktidy/llvm-N/lib/clang/N   -> clang's resource directory, where
#                                                the binaries look for builtin headers
#   <prefix>/lib/leaktidy/llvm-N/LeakTidyModule.so, LeakTidyChecks-llvmN.so
#   <prefix>/bin/leak-tidy-N, leak-clangd-N, leak-tidy-run-N  (links to the above)
#   <prefix>/share/doc/leaktidy-llvm-N/          README.md, LICENSE, copyright (Debian's
#                                                machine-readable form) and the docs
#
# and, as the component "unversioned-links" that `cmake --install` includes
# and the package leaves to update-alternatives:
#   <prefix>/bin/leak-tidy, leak-clangd, leak-tidy-run
set(_major "${LLVM_VERSION_MAJOR}")
set(LEAKTIDY_INSTALL_DIR "lib/leaktidy/llvm-${_major}")
set(LEAKTIDY_DOC_DIR "share/doc/leaktidy-llvm-${_major}")

set(_programs leak-tidy leak-tidy-run)
install(TARGETS leak-tidy RUNTIME DESTINATION "${LEAKTIDY_INSTALL_DIR}/bin" COMPONENT leaktidy)
if(LEAKTIDY_BUILD_CLANGD)
  install(TARGETS leak-clangd RUNTIME DESTINATION "${LEAKTIDY_INSTALL_DIR}/bin" COMPONENT leaktidy)
  list(APPEND _programs leak-clangd)
endif()
install(PROGRAMS tools/leak-tidy-run DESTINATION "${LEAKTIDY_INSTALL_DIR}/bin" COMPONENT leaktidy)
install(DIRECTORY tools/leaktidy DESTINATION "${LEAKTIDY_INSTALL_DIR}/python" COMPONENT leaktidy
        FILES_MATCHING PATTERN "*.py" PATTERN "__pycache__" EXCLUDE)
install(TARGETS LeakTidyModule LeakTidyChecksPlugin
        LIBRARY DESTINATION "${LEAKTIDY_INSTALL_DIR}" COMPONENT leaktidy)
install(FILES README.md LICENSE cmake/copyright DESTINATION "${LEAKTIDY_DOC_DIR}" COMPONENT leaktidy)
install(DIRECTORY docs/ DESTINATION "${LEAKTIDY_DOC_DIR}" COMPONENT leaktidy)

# Symbolic links are made at install time, under DESTDIR when packaging.
function(_leaktidy_install_link target link component)
  install(CODE "
    set(_link \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${link}\")
    get_filename_component(_dir \"\${_link}\" DIRECTORY)
    file(MAKE_DIRECTORY \"\${_dir}\")
    message(STATUS \"Installing: \${_link} -> ${target}\")
    file(CREATE_LINK \"${target}\" \"\${_link}\" SYMBOLIC)"
    COMPONENT ${component})
endfunction()

_leaktidy_install_link("${LEAKTIDY_CLANG_RESOURCE_DIR}"
                       "${LEAKTIDY_INSTALL_DIR}/lib/clang/${_major}" leaktidy)
foreach(_program IN LISTS _programs)
  _leaktidy_install_link("../${LEAKTIDY_INSTALL_DIR}/bin/${_program}"
                         "bin/${_program}-${_major}" leaktidy)
  _leaktidy_install_link("${_program}-${_major}" "bin/${_program}" unversioned-links)
endforeach()

# cpack (or `cmake --build <tree> --target package`) writes
# leaktidy-llvm-N_<version>_<arch>.deb.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME "leaktidy-llvm-${_major}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "clang-tidy checks for leaks in C++ services (LLVM ${_major}): leak-tidy, leak-clangd, plugin, runner")
set(CPACK_PACKAGE_CONTACT "LeakTidy maintainers <leaktidy@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};LeakTidy;leaktidy;/")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# dpkg-shlibdeps (package dpkg-dev) adds the shared libraries' packages.
find_program(LEAKTIDY_DPKG_SHLIBDEPS dpkg-shlibdeps)
# The resource directory the binaries link to, and the runner's interpreter.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-common-${_major}-dev, python3 (>= 3.8), python3-yaml")
if(LEAKTIDY_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libclang-cpp${_major}, libllvm${_major}")
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "clang-tidy-${_major}, clang-tools-${_major}, pre-commit")
set(LEAKTIDY_ALTERNATIVE_SLAVES "")
foreach(_program IN LISTS _programs)
  if(NOT _program STREQUAL "leak-tidy")
    string(APPEND LEAKTIDY_ALTERNATIVE_SLAVES
           " \\\n    --slave /usr/bin/${_program} ${_program} /usr/bin/${_program}-${_major}")
  endif()
endforeach()
configure_file(cmake/deb/postinst.in "${CMAKE_BINARY_DIR}/deb/postinst" @ONLY)
configure_file(cmake/deb/prerm.in "${CMAKE_BINARY_DIR}/deb/prerm" @ONLY)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${CMAKE_BINARY_DIR}/deb/postinst;${CMAKE_BINARY_DIR}/deb/prerm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
