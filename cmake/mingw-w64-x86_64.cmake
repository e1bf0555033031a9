# SPDX-License-Identifier: EUPL-1.2
# Cross-compilation for Windows 64 bits from Debian (issue 23):
#   cmake -S . -B build-windows -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake
# Debian packages: g++-mingw-w64-x86-64-posix (the « posix » threads variant,
# needed by std::thread of `ctg validate -j`) and mingw-w64.
# Everything is linked statically: ctg.exe needs no DLL beyond Windows' own.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CTG_MINGW_TRIPLET x86_64-w64-mingw32)

set(CMAKE_C_COMPILER ${CTG_MINGW_TRIPLET}-gcc-posix)
set(CMAKE_CXX_COMPILER ${CTG_MINGW_TRIPLET}-g++-posix)
set(CMAKE_RC_COMPILER ${CTG_MINGW_TRIPLET}-windres)

# Libraries and packages are looked for only in the mingw root and in the
# folders given by CMAKE_PREFIX_PATH (build-windows/deps), never in /usr.
set(CMAKE_FIND_ROOT_PATH /usr/${CTG_MINGW_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
set(BUILD_SHARED_LIBS OFF CACHE BOOL "")
