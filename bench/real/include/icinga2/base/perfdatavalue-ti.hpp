/* Hand-written stand-in for the mkclass-generated base/perfdatavalue-ti.hpp:
 * only the declarations that the labeled files need for a syntax check. */
#ifndef STUB_BASE_PERFDATAVALUE_TI_HPP
#define STUB_BASE_PERFDATAVALUE_TI_HPP

#include "base/object.hpp"
#include "base/value.hpp"

namespace icinga
{

class PerfdataValue;

template<>
class ObjectImpl<PerfdataValue> : public Object
{
public:
	String GetLabel() const;
	double GetValue() const;
	bool GetCounter() const;
	String GetUnit() const;
	Value GetCrit() const;
	Value GetWarn() const;
	Value GetMin() const;
	Value GetMax() const;
	void SetLabel(const String& value, bool suppress_events = false, const Value& cookie = Empty);
	void SetValue(double value, bool suppress_events = false, const Value& cookie = Empty);
	void SetCounter(bool value, bool suppress_events = false, const Value& cookie = Empty);
	void SetUnit(const String& value, bool suppress_events = false, const Value& cookie = Empty);
	void SetCrit(const Value& value, bool suppress_events = false, const Value& cookie = Empty);
	void SetWarn(const Value& value, bool suppress_events = false, const Value& cookie = Empty);
	void SetMin(const Value& value, bool suppress_events = false, const Value& cookie = Empty);
	void SetMax(const Value& value, bool suppress_events = false, const Value& cookie = Empty);
};

}

#endif
