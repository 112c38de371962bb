#!/usr/bin/env python3
"""Makes a scratch C++ project for the runner tests.

  make_project.py DIR [--db build|out|cmake-build-debug|_build|top|none]
                      [--files handler.cpp,clean.cpp] [--cmake]

Copies the named files of Inputs/project/src to DIR/src, writes a
compile_commands.json for them in the chosen place, and makes DIR a git
repository with the sources committed (the database is ignored). With
--cmake the project gets a CMakeLists.txt building the files instead of a
database (configure it to get one).
"""
import argparse
import json
import os
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--db", default="build")
    parser.add_argument("--files", default="handler.cpp,clean.cpp")
    parser.add_argument("--cmake", action="store_true")
    args = parser.parse_args()

    top = os.path.abspath(args.dir)
    shutil.rmtree(top, ignore_errors=True)
    os.makedirs(os.path.join(top, "src"))
    names = [n for n in args.files.split(",") if n]
    for name in names:
        shutil.copy(os.path.join(HERE, "project", "src", name), os.path.join(top, "src", name))
    if args.cmake:
        with open(os.path.join(top, "CMakeLists.txt"), "w") as handle:
            handle.write("cmake_minimum_required(VERSION 3.20)\nproject(demo CXX)\n"
                         "set(CMAKE_CXX_STANDARD 20)\nadd_library(demo OBJECT %s)\n"
                         % " ".join("src/" + name for name in names))
    elif args.db != "none":
        directory = top if args.db == "top" else os.path.join(top, args.db)
        os.makedirs(directory, exist_ok=True)
        entries = [{"directory": directory, "file": os.path.join(top, "src", name),
                    "arguments": ["clang++", "-std=c++20", "-Wall", "-c",
                                  os.path.join(top, "src", name)]}
                   for name in names]
        with open(os.path.join(directory, "compile_commands.json"), "w") as handle:
            json.dump(entries, handle, indent=2)
    env = dict(os.environ, **GIT_ENV)
    with open(os.path.join(top, ".gitignore"), "w") as handle:
        handle.write("/build/\n/out/\n/_build/\n/cmake-build-*/\n/compile_commands.json\n")
    for argv in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"],
                 ["git", "commit", "-q", "-m", "initial"]):
        subprocess.run(argv, cwd=top, env=env, check=True)


if __name__ == "__main__":
    main()
