// The one place where the statically linked ICU needs help to live in a shared library.
//
// Debian builds its static ICU (libicuuc.a) as position-independent executable code, which is
// position-independent everywhere except in ICU's putil.cpp, whose host time zone detection reads
// the C library's variables `__timezone` and `tzname` directly (a relocation that a shared library
// cannot have). extension/CMakeLists.txt therefore links a copy of libicuuc.a whose references to
// `__timezone`, `tzname` and `tzset` are renamed to the three hidden symbols below, which keep
// ICU's view of them in step with the C library's: each time ICU calls tzset(), the C library's
// values are copied.
#include <ctime>

extern "C" {
__attribute__((visibility("hidden"))) long dueregard_icu_timezone = 0;
__attribute__((visibility("hidden"))) char* dueregard_icu_tzname[2] = {nullptr, nullptr};

__attribute__((visibility("hidden"))) void dueregard_icu_tzset()
{
    tzset();
    dueregard_icu_timezone = timezone;
    dueregard_icu_tzname[0] = tzname[0];
    dueregard_icu_tzname[1] = tzname[1];
}
}
