/* Hand-written stand-in for the generated nghttp2ver.h. */
#ifndef NGHTTP2VER_H
#define NGHTTP2VER_H
#define NGHTTP2_VERSION "1.52.0"
#define NGHTTP2_VERSION_NUM 0x013400
#endif
