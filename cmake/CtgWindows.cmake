# SPDX-License-Identifier: EUPL-1.2
# Libraries of ctg.exe (issue 23), all from Debian: yaml-cpp 0.7.0, pugixml,
# libzip and libxlsxwriter built from Debian's source packages by
# tools/windows/build-deps.sh into build-windows/deps (found through
# CMAKE_PREFIX_PATH), zlib from libz-mingw-w64-dev; fmt (header-only mode)
# and CLI11 (header-only) from the headers of libfmt-dev and libcli11-dev,
# copied there by the same script so that /usr/include (Linux headers) is
# never on the compiler's path.
# The toolchain looks only under its roots: build-windows/deps is one of them.
list(APPEND CMAKE_FIND_ROOT_PATH ${CMAKE_PREFIX_PATH})
find_package(yaml-cpp 0.7 REQUIRED)
# libz-mingw-w64-dev, for libzip and libxlsxwriter: its static libz.a, not
# the import library of zlib1.dll (a DLL that Windows does not have).
set(ZLIB_USE_STATIC_LIBS ON)
find_package(ZLIB REQUIRED)
find_package(pugixml 1.13 REQUIRED)
find_package(libzip 1.7 REQUIRED)
# libxlsxwriter installs no CMake package: its static library and header.
find_library(CTG_XLSXWRITER_LIBRARY NAMES libxlsxwriter.a xlsxwriter REQUIRED)
find_path(CTG_XLSXWRITER_INCLUDE xlsxwriter.h REQUIRED)
add_library(ctg::xlsxwriter STATIC IMPORTED)
set_target_properties(ctg::xlsxwriter PROPERTIES IMPORTED_LOCATION ${CTG_XLSXWRITER_LIBRARY}
                      INTERFACE_INCLUDE_DIRECTORIES ${CTG_XLSXWRITER_INCLUDE} INTERFACE_LINK_LIBRARIES ZLIB::ZLIB)
find_path(CTG_FMT_INCLUDE fmt/format.h REQUIRED)
find_path(CTG_CLI11_INCLUDE CLI/CLI.hpp REQUIRED)
add_library(fmt::fmt INTERFACE IMPORTED)
target_include_directories(fmt::fmt INTERFACE ${CTG_FMT_INCLUDE})
target_compile_definitions(fmt::fmt INTERFACE FMT_HEADER_ONLY)
add_library(CLI11::CLI11 INTERFACE IMPORTED)
target_include_directories(CLI11::CLI11 INTERFACE ${CTG_CLI11_INCLUDE})
# Windows 10 or later: the console understands ANSI colours.
add_compile_definitions(_WIN32_WINNT=0x0A00 WIN32_LEAN_AND_MEAN NOMINMAX UNICODE _UNICODE)
# GCC 12 warns wrongly about memcpy inside its own std::string at -O2 (GCC bug 105329).
add_compile_options(-Wno-restrict)
