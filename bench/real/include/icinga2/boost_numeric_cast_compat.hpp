/* Pre-included for syntax checks only: Boost 1.74's numeric_cast machinery
 * trips clang 22's out-of-range enum constant check, so the one conversion
 * that Boost.DateTime instantiates is given a plain explicit specialization. */
#include <boost/numeric/conversion/cast.hpp>
namespace boost {
template <> inline long numeric_cast<long, int>(int arg) { return arg; }
template <> inline long numeric_cast<long, long>(long arg) { return arg; }
}
