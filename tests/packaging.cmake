# SPDX-License-Identifier: EUPL-1.2
# Tests of installation, packaging, completion and CI examples (included by
# the top-level CMakeLists.txt when BUILD_TESTING is on):
#   install     cmake --install (prefix, DESTDIR), the installed ctg from another
#               folder, man and bash-completion on the installed tree, and a
#               consumer project built with find_package(ctg CONFIG) → ctg::core
#   package     the Debian packages (cpack, dpkg-deb --info/--contents, lintian, dpkg -x)
#   completion  bash completion driven in bash (complete -p, COMP_WORDS, _ctg)
#   ci          examples/ci: GitLab job, GitHub workflow and pre-commit hook, run on the example
#   licence     LICENSE, SPDX headers and packaging/copyright (DEP-5)
#   demo        make demo: its packages, its build (the program only), its files and paths
set(ctg_tests_cli ${PROJECT_SOURCE_DIR}/tests/cli)
add_test(NAME install COMMAND bash ${ctg_tests_cli}/install_test.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
add_test(NAME package COMMAND bash ${ctg_tests_cli}/package_test.sh ${PROJECT_BINARY_DIR})
add_test(NAME completion COMMAND bash ${ctg_tests_cli}/completion_test.sh $<TARGET_FILE:ctg>
                                      ${PROJECT_BINARY_DIR}/completion/ctg)
add_test(NAME ci COMMAND python3 ${ctg_tests_cli}/ci_test.py $<TARGET_FILE:ctg> ${PROJECT_SOURCE_DIR})
# Issue 22: LICENSE (EUPL-1.2), SPDX headers of every source file, packaging/copyright in DEP-5 form.
add_test(NAME licence COMMAND python3 ${ctg_tests_cli}/licence_test.py ${PROJECT_SOURCE_DIR})
# Issue 22: make demo installs and builds only what it needs, writes the PDF with chromium, prints the paths.
add_test(NAME demo COMMAND bash ${ctg_tests_cli}/demo_test.sh $<TARGET_FILE:ctg> ${PROJECT_SOURCE_DIR})
