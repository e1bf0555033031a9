# SPDX-License-Identifier: EUPL-1.2
# Debian packages with CPack (`cpack -G DEB` in the build tree):
#   ctg      the command, its manual pages, bash completion, schema and examples
#   ctg-dev  the core library, its headers and its CMake package config
# Runtime dependencies are computed by dpkg-shlibdeps (package dpkg-dev).
# Maintainer: -DCTG_MAINTAINER="Prénom Nom <adresse>", else DEBFULLNAME and
# DEBEMAIL (as dch uses them), else the signer of the last entry of
# packaging/changelog (the project's maintainer).
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/changelog ctg_changelog_signers REGEX "^ -- .*<.*>")
list(GET ctg_changelog_signers 0 ctg_changelog_signer)
string(REGEX REPLACE "^ -- ([^<]*<[^>]*>).*" "\\1" ctg_default_maintainer "${ctg_changelog_signer}")
if(DEFINED ENV{DEBFULLNAME} AND DEFINED ENV{DEBEMAIL})
  set(ctg_default_maintainer "$ENV{DEBFULLNAME} <$ENV{DEBEMAIL}>")
endif()
set(CTG_MAINTAINER "${ctg_default_maintainer}"
    CACHE STRING "Responsable des paquets Debian (champ Maintainer), « Prénom Nom <adresse> »")
if(NOT CTG_MAINTAINER MATCHES "^[^<>]+ <[^<>@ ]+@[^<>@ ]+>$")
  message(FATAL_ERROR "CTG_MAINTAINER « ${CTG_MAINTAINER} » : écrivez « Prénom Nom <adresse@domaine> »")
endif()

set(CPACK_PACKAGE_NAME ctg)
set(CPACK_PACKAGE_VENDOR "ctg")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${CTG_MAINTAINER})
# Each package's description starts with its own synopsis line (below):
# no common summary prepended.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL ctg dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CTG_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)

set(CPACK_DEBIAN_CTG_PACKAGE_NAME ctg)
set(CPACK_DEBIAN_CTG_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_CTG_PACKAGE_RECOMMENDS git)
set(CPACK_DEBIAN_CTG_PACKAGE_SUGGESTS "chromium, pandoc")
set(CPACK_COMPONENT_CTG_DESCRIPTION
   "conventions territoriales globales : valider, calculer, rendre, comparer
ctg aide les chargés de coopération des Caf et les communes à rédiger et
faire vivre une convention territoriale globale (CTG), décrite une seule
fois dans un fichier YAML conservé dans git : ctg validate la vérifie (format,
compétences d'autorité organisatrice selon le CASF, cohérence), ctg coverage
calcule les taux de couverture Cnaf, ctg render écrit la convention à signer
(Markdown, HTML, PDF, Word), ctg diff et ctg avenant comparent deux versions.

Territorial family-services agreements (French CTG) kept as YAML: validate
them against the law and themselves, compute Cnaf coverage rates, render the
agreement (Markdown, HTML, PDF, Word), diff two versions down to the
amendment. Messages, manual pages and documents are in French.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME ctg-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libfmt-dev (>= 9), libyaml-cpp-dev (>= 0.7), libxlsxwriter-dev, libssl-dev")
set(CPACK_COMPONENT_DEV_DESCRIPTION
   "conventions territoriales globales : bibliothèque de développement
La bibliothèque statique du cœur de ctg (modèle, chargeur, règles, couverture,
rendu, comparaison), ses en-têtes et sa configuration CMake :
find_package(ctg CONFIG) puis la cible ctg::core.

Static core library of ctg (French territorial family-services agreements),
its headers and its CMake package config (find_package(ctg CONFIG),
target ctg::core).")

include(CPack)
