// Compiles with a compiler warning but has no finding: the runner's exit code
// must not follow the "1 warning generated." leak-tidy prints.
int noisy() {
  int Unused = 0;
  return 1;
}
