//===-- PluginLoader.cpp - LeakTidyModule.so, the plugin clang-tidy loads -===//
//
// `clang-tidy --load=LeakTidyModule.so` opens this small library. It uses no
// clang symbol, so it loads into any clang-tidy; it asks the host for its LLVM
// major and only then opens the library with the checks, which is built for
// exactly one major. Without this step a module built for another major is
// opened with dlopen(RTLD_LAZY): its data relocations (vtables, the module
// registry) happen to resolve because the mangled names rarely change, so it
// loads and then silently reports nothing, or it fails with an undefined
// symbol. Here the mismatch ends the run with one message instead.
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <string>
#include <unistd.h>

#ifndef LEAKTIDY_LLVM_MAJOR
#error "LEAKTIDY_LLVM_MAJOR must name the LLVM major of the checks library"
#endif
#ifndef LEAKTIDY_CHECKS_LIBRARY
#error "LEAKTIDY_CHECKS_LIBRARY must name the checks library next to this one"
#endif

namespace {

using GetVersionFunction = void (*)(unsigned *, unsigned *, unsigned *);

/// Reads the major from a loaded LLVM or clang library's file name:
/// libLLVM.so.22.1, libLLVM-19.so, libclang-cpp.so.16.
int majorFromLibraryName(dl_phdr_info *Info, size_t /*Size*/, void *Data) {
  const char *Path = Info->dlpi_name;
  if (Path == nullptr) {
    return 0;
  }
  const char *Base = std::strrchr(Path, '/');
  Base = Base != nullptr ? Base + 1 : Path;
  for (const char *Prefix : {"libLLVM.so.", "libLLVM-", "libclang-cpp.so."}) {
    const size_t Length = std::strlen(Prefix);
    if (std::strncmp(Base, Prefix, Length) == 0) {
      const unsigned long Major = std::strtoul(Base + Length, nullptr, 10);
      if (Major > 0) {
        *static_cast<unsigned *>(Data) = static_cast<unsigned>(Major);
        return 1;
      }
    }
  }
  return 0;
}

/// The LLVM major of the process that loads this library; 0 if unknown (a
/// clang-tidy linked statically exports neither the C API nor library names).
unsigned hostLLVMMajor() {
  void *Symbol = dlsym(RTLD_DEFAULT, "LLVMGetVersion");
  if (Symbol != nullptr) {
    unsigned Major = 0;
    unsigned Minor = 0;
    unsigned Patch = 0;
    reinterpret_cast<GetVersionFunction>(Symbol)(&Major, &Minor, &Patch);
    return Major;
  }
  unsigned Major = 0;
  dl_iterate_phdr(majorFromLibraryName, &Major);
  return Major;
}

/// The directory this library was loaded from, with a trailing '/'.
std::string ownDirectory() {
  Dl_info Info{};
  if (dladdr(reinterpret_cast<void *>(&hostLLVMMajor), &Info) == 0 ||
      Info.dli_fname == nullptr) {
    return "";
  }
  std::string Path = Info.dli_fname;
  const size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "" : Path.substr(0, Slash + 1);
}

[[noreturn]] void refuse(const std::string &Message) {
  std::fprintf(stderr, "error: %s\n", Message.c_str());
  std::fflush(stderr);
  // The host is in the middle of parsing its command line: leave at once
  // rather than run it without the checks that were asked for.
  _exit(1);
}

std::string builtFor() { return std::to_string(LEAKTIDY_LLVM_MAJOR); }

std::string remedy(unsigned Host) {
  std::string Text = "use clang-tidy-" + builtFor();
  if (Host != 0) {
    Text += ", build LeakTidy for LLVM " + std::to_string(Host) +
            " (cmake -DLEAKTIDY_LLVM_VERSION=" + std::to_string(Host) + ")";
  }
  return Text + ", or run leak-tidy, which has the checks built in and needs no --load";
}

__attribute__((constructor)) void loadChecks() {
  const unsigned Host = hostLLVMMajor();
  if (Host != 0 && Host != LEAKTIDY_LLVM_MAJOR) {
    refuse("LeakTidyModule.so is built for clang-tidy " + builtFor() +
           " and cannot be loaded into clang-tidy " + std::to_string(Host) +
           ": the plugin interface differs between LLVM majors; " + remedy(Host));
  }
  const std::string Checks = ownDirectory() + LEAKTIDY_CHECKS_LIBRARY;
  if (dlopen(Checks.c_str(), RTLD_NOW | RTLD_GLOBAL) == nullptr) {
    const char *Why = dlerror();
    std::string Message = "cannot load the leak checks from " + Checks + ": " +
                          (Why != nullptr ? Why : "unknown error");
    if (Host == 0) {
      Message += "; the LLVM major of this clang-tidy is unknown, and "
                 "LeakTidyModule.so is built for clang-tidy " +
                 builtFor() + ": " + remedy(Host);
    } else {
      Message += "; it belongs next to LeakTidyModule.so: rebuild or "
                 "reinstall LeakTidy";
    }
    refuse(Message);
  }
}

} // namespace
