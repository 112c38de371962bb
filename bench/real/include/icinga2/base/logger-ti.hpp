/* Hand-written stand-in for the mkclass-generated base/logger-ti.hpp:
 * only the declarations that logger.hpp needs for a syntax check. */
#ifndef STUB_BASE_LOGGER_TI_HPP
#define STUB_BASE_LOGGER_TI_HPP

#include "base/configobject.hpp"

namespace icinga
{

class Logger;

template<>
class ObjectImpl<Logger> : public ConfigObject
{
public:
	virtual String GetSeverity() const;
	virtual void SetSeverity(const String& value, bool suppress_events = false, const Value& cookie = Empty);
	virtual void ValidateSeverity(const Lazy<String>& lvalue, const ValidationUtils& utils);
};

}

#endif
