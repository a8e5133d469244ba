# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""memroot-report's modules: the data file (datafile), source files
(sources), the HTML page (html, with report.css and report.js) and SARIF
(sarif).  scripts/memroot-report is the command."""
