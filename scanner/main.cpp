// policyscan: check a source repository against its own privacy policy.
#include "scanner/app/cli.h"

int main(int argc, char** argv) { return ps::run_cli(argc, argv); }
