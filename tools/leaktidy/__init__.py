"""leak-tidy-run: runs leak-tidy over a project's compile database.

The package behind the `leak-tidy-run` command:

  common      names, exit codes, messages, paths
  exportfixes clang-tidy's --export-fixes documents: reading, writing, diagnostics
  database    compile_commands.json, leak-tidy itself, the repository
  diff        git changes: changed lines, changed files
  cache       the result cache: keys, local directory, remote HTTP cache
  schedule    running leak-tidy on units in parallel, shards
  baseline    fingerprints and baseline files
  formats     text, SARIF, GitLab Code Quality, rdjson and YAML reports
  htmlreport  the self-contained HTML report
  fixes       applying fix-its
  merge       merging the reports of several runs (shards)
  cli         the command line
"""
