"""Runs leak-tidy on the sources of cc_library, cc_binary and cc_test targets.

    bazel build //... \\
        --aspects=@leak_tidy//:leak_tidy.bzl%leak_tidy_aspect \\
        --output_groups=leak_tidy_reports

Every C or C++ file in a target's `srcs` is analysed by one action, with the
flags the target compiles with: its compilation context (defines, local
defines, -I, -iquote, -isystem and -F directories), the `--copt`, `--cxxopt`
and `--conlyopt` of the build and the rule's own `copts`. The C++
toolchain's own flags are not passed (the autodetected toolchain's
-std=c++0x, for one, or GCC-only options): set the language standard with
`--cxxopt` or `copts`, which the compiler and leak-tidy both get. Headers are
inputs of the actions, not analysed on their own. Each action writes one report,
clang-tidy's `--export-fixes` YAML, to
`bazel-bin/<package>/<target>.leak-tidy/<source>.leak-tidy.yaml`; a source
without findings gets a document with an empty `Diagnostics` list, so every
action has its output and Bazel caches it (locally, or in a remote cache) like
a compile action. Paths in the reports are relative to the execution root,
that is to the workspace for the workspace's own files.

The build settings of this package choose how leak-tidy runs:

    --@leak_tidy//:path=/usr/bin/leak-tidy   the installed leak-tidy (default:
                                             `leak-tidy`, looked up on PATH)
    --@leak_tidy//:leak_tidy=//tools:lt      or a target that is leak-tidy
    --@leak_tidy//:config=//:clang_tidy      a .clang-tidy file (label)
    --@leak_tidy//:checks=-*,leak-*          the --checks value
    --@leak_tidy//:fail_on_findings=true     make every finding fail the build

Why a path by default: leak-tidy finds clang's builtin headers (stddef.h,
stdarg.h, ...) in the resource directory next to its real location,
<bin>/../lib/clang/<major>. A binary given as a Bazel input is staged into the
sandbox as a symbolic link, which still resolves to the real location, but a
remote executor or a sandbox that copies its inputs gets a lone copy, without
that directory (Debian's LLVM packages also search
/usr/include/clang/<version>/include, other LLVM builds do not). The installed
binary, run by its absolute path, is never staged: the action runs it where it
is installed, in or out of the sandbox, and a remote executor needs LeakTidy
installed at the same path (as it needs the compiler). The path is part of the
action key, the binary's contents are not: after upgrading leak-tidy, change
the path or run `bazel clean`. A target given in `//:leak_tidy` (an
`sh_binary` that execs the installed binary, or a leak-tidy that Bazel builds
or fetches together with its resource directory) is an input of every action
instead: the action key has its contents (a wrapper script's, for a wrapper).
"""

LeakTidySettingInfo = provider(
    doc = "The value of one of the leak-tidy build settings.",
    fields = ["value"],
)

def _setting_impl(ctx):
    return [LeakTidySettingInfo(value = ctx.build_setting_value)]

leak_tidy_string_setting = rule(
    implementation = _setting_impl,
    build_setting = config.string(flag = True),
    doc = "A string build setting of the leak-tidy aspect.",
)

leak_tidy_bool_setting = rule(
    implementation = _setting_impl,
    build_setting = config.bool(flag = True),
    doc = "A boolean build setting of the leak-tidy aspect.",
)

_CXX_EXTENSIONS = ["cc", "cpp", "cxx", "c++", "C", "cp", "CPP"]
_C_EXTENSIONS = ["c"]
_HEADER_EXTENSIONS = ["h", "hh", "hpp", "hxx", "h++", "H", "inc", "inl", "ipp", "tcc", "tpp"]

# Every check of LeakTidy, when neither //:checks nor a configuration file
# says which checks to run.
_DEFAULT_CHECKS = "-*,leak-*"

# The action: runs leak-tidy (arguments 3 and following), then turns what it
# exported into the report. clang-tidy writes --export-fixes only when there
# is a diagnostic, so a source without one gets an empty document. Absolute
# paths under the execution root (the sandbox's or the local one) become
# relative ones, so that a report is the same wherever the action ran and a
# cached report is valid on every machine.
_RUN_SCRIPT = """\
report=$1
source=$2
shift 2
"$@"
status=$?
if [ -f "$report.exported" ]; then
    sed -e "s|BuildDirectory: *'$PWD'|BuildDirectory:  ''|" -e "s|$PWD/||g" \\
        "$report.exported" > "$report"
    rm -f "$report.exported"
else
    printf -- "---\\nMainSourceFile:  '%s'\\nDiagnostics:     []\\n...\\n" "$source" > "$report"
fi
exit $status
"""

def _language(src):
    if src.extension in _CXX_EXTENSIONS:
        return "c++"
    if src.extension in _C_EXTENSIONS:
        return "c"
    return None

def _report_path(ctx, src):
    """The report's path, relative to the target's package."""
    path = src.short_path
    if path.startswith("../"):
        path = "external/" + path[len("../"):]
    package = ctx.label.package
    if package and path.startswith(package + "/"):
        path = path[len(package) + 1:]
    return "%s.leak-tidy/%s.leak-tidy.yaml" % (ctx.label.name, path)

def _make_variables(ctx, option):
    """The make variables a copt can name that mean something to leak-tidy."""
    return option.replace("$(BINDIR)", ctx.bin_dir.path).replace(
        "$(GENDIR)",
        ctx.genfiles_dir.path,
    )

def _compile_flags(ctx, compilation_context, language):
    flags = ["-x", language]
    fragment = ctx.fragments.cpp
    flags.extend(fragment.copts)
    flags.extend(fragment.cxxopts if language == "c++" else fragment.conlyopts)

    defines = compilation_context.defines.to_list()
    local_defines = getattr(compilation_context, "local_defines", None)
    if local_defines != None:
        defines = defines + local_defines.to_list()
    else:
        defines = defines + getattr(ctx.rule.attr, "local_defines", [])
    flags.extend(["-D" + define for define in defines])

    for option, directories in [
        ("-iquote", compilation_context.quote_includes),
        ("-I", compilation_context.includes),
        ("-isystem", compilation_context.system_includes),
        ("-F", getattr(compilation_context, "framework_includes", depset())),
    ]:
        for directory in directories.to_list():
            flags.extend([option, directory])

    flags.extend([_make_variables(ctx, copt) for copt in getattr(ctx.rule.attr, "copts", [])])
    return flags

def _input_command(file):
    # The file's path, never looked up on PATH.
    return file.path if "/" in file.path else "./" + file.path

def _leak_tidy_tool(ctx):
    """(command, inputs, looked up on PATH) of the leak-tidy to run."""
    target = ctx.attr._leak_tidy
    files_to_run = target[DefaultInfo].files_to_run
    if files_to_run != None and files_to_run.executable != None:
        return _input_command(files_to_run.executable), [files_to_run], False
    files = target[DefaultInfo].files.to_list()
    if len(files) == 1:
        return _input_command(files[0]), [files[0]], False
    if files:
        fail("//:leak_tidy must name one executable, not %d files" % len(files))
    path = ctx.attr._path[LeakTidySettingInfo].value
    if not path:
        fail("//:path is empty: set it to the leak-tidy to run")
    return path, [], "/" not in path

def _config_file(ctx):
    files = ctx.attr._config[DefaultInfo].files.to_list()
    if len(files) > 1:
        fail("//:config must name one .clang-tidy file, not %d files" % len(files))
    return files[0] if files else None

def _leak_tidy_aspect_impl(target, ctx):
    if CcInfo not in target or not hasattr(ctx.rule.attr, "srcs"):
        return []
    sources = [src for src in ctx.rule.files.srcs if _language(src)]
    if not sources:
        return [OutputGroupInfo(leak_tidy_reports = depset())]

    compilation_context = target[CcInfo].compilation_context
    tool_path, tool_inputs, on_path = _leak_tidy_tool(ctx)
    config = _config_file(ctx)
    checks = ctx.attr._checks[LeakTidySettingInfo].value
    if not checks and not config:
        checks = _DEFAULT_CHECKS
    fail_on_findings = ctx.attr._fail_on_findings[LeakTidySettingInfo].value

    # The headers the target may include: its own (also the private ones in
    # srcs) and those of its dependencies.
    own_headers = []
    for attribute in ("srcs", "hdrs", "textual_hdrs"):
        own_headers.extend([
            f
            for f in getattr(ctx.rule.files, attribute, [])
            if f.extension in _HEADER_EXTENSIONS
        ])
    headers = depset(own_headers, transitive = [compilation_context.headers])
    direct_inputs = [config] if config else []

    reports = []
    for src in sources:
        report = ctx.actions.declare_file(_report_path(ctx, src))
        reports.append(report)

        args = ctx.actions.args()
        args.add(report)
        args.add(src)
        args.add(tool_path)
        args.add("--quiet")
        if config:
            args.add("--config-file=" + config.path)
        else:
            # No .clang-tidy lookup in the source's directories: that would
            # read a file that is not an input of the action.
            args.add("--config={}")
        if checks:
            args.add("--checks=" + checks)
        if fail_on_findings:
            args.add("--warnings-as-errors=*")
        args.add("--export-fixes=%s.exported" % report.path)
        args.add(src)
        args.add("--")
        args.add_all(_compile_flags(ctx, compilation_context, _language(src)))

        ctx.actions.run_shell(
            command = _RUN_SCRIPT,
            arguments = [args],
            inputs = depset([src] + direct_inputs, transitive = [headers]),
            tools = tool_inputs,
            outputs = [report],
            mnemonic = "LeakTidy",
            progress_message = "Running leak-tidy on %s" % src.short_path,
            # A leak-tidy looked up on PATH needs the PATH of --action_env;
            # other actions do without the client's environment, which would
            # be part of their key (and keep machines from sharing results).
            use_default_shell_env = on_path,
        )

    return [OutputGroupInfo(leak_tidy_reports = depset(reports))]

leak_tidy_aspect = aspect(
    implementation = _leak_tidy_aspect_impl,
    fragments = ["cpp"],
    attrs = {
        "_leak_tidy": attr.label(
            default = Label("//:leak_tidy"),
            allow_files = True,
            cfg = "exec",
        ),
        "_path": attr.label(default = Label("//:path")),
        "_config": attr.label(default = Label("//:config"), allow_files = True),
        "_checks": attr.label(default = Label("//:checks")),
        "_fail_on_findings": attr.label(default = Label("//:fail_on_findings")),
    },
    doc = "Runs leak-tidy on the C and C++ sources of cc_* targets; " +
          "the reports are in the output group leak_tidy_reports.",
)
