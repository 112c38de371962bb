/* Hand-written stand-in for the mkclass-generated icinga/customvarobject-ti.hpp:
 * only the declarations that the labeled files need for a syntax check. */
#ifndef STUB_ICINGA_CUSTOMVAROBJECT_TI_HPP
#define STUB_ICINGA_CUSTOMVAROBJECT_TI_HPP

#include "base/configobject.hpp"

namespace icinga
{

class CustomVarObject;

template<>
class ObjectImpl<CustomVarObject> : public ConfigObject
{
public:
	Dictionary::Ptr GetVars() const;
	void SetVars(const Dictionary::Ptr& value, bool suppress_events = false, const Value& cookie = Empty);
	virtual void ValidateVars(const Lazy<Dictionary::Ptr>& lvalue, const ValidationUtils& utils);
};

}

#endif
