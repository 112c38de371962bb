/* Hand-written stand-in for the mkclass-generated db_ido/dbconnection-ti.hpp:
 * only the declarations that the labeled files need for a syntax check. */
#ifndef STUB_DB_IDO_DBCONNECTION_TI_HPP
#define STUB_DB_IDO_DBCONNECTION_TI_HPP

#include "db_ido/dbquery.hpp"
#include "base/configobject.hpp"

namespace icinga
{

class DbConnection;

template<>
class ObjectImpl<DbConnection> : public ConfigObject
{
public:
	String GetTablePrefix() const;
	Dictionary::Ptr GetCleanup() const;
	Array::Ptr GetCategories() const;
	int GetCategoryFilter() const;
	bool GetEnableHa() const;
	double GetFailoverTimeout() const;
	double GetLastFailover() const;
	String GetSchemaVersion() const;
	bool GetConnected() const;
	bool GetShouldConnect() const;
	void SetTablePrefix(const String& value, bool suppress_events = false, const Value& cookie = Empty);
	void SetCleanup(const Dictionary::Ptr& value, bool suppress_events = false, const Value& cookie = Empty);
	void SetCategories(const Array::Ptr& value, bool suppress_events = false, const Value& cookie = Empty);
	void SetCategoryFilter(int value, bool suppress_events = false, const Value& cookie = Empty);
	void SetEnableHa(bool value, bool suppress_events = false, const Value& cookie = Empty);
	void SetFailoverTimeout(double value, bool suppress_events = false, const Value& cookie = Empty);
	void SetLastFailover(double value, bool suppress_events = false, const Value& cookie = Empty);
	void SetSchemaVersion(const String& value, bool suppress_events = false, const Value& cookie = Empty);
	void SetConnected(bool value, bool suppress_events = false, const Value& cookie = Empty);
	void SetShouldConnect(bool value, bool suppress_events = false, const Value& cookie = Empty);
	virtual void ValidateCategories(const Lazy<Array::Ptr>& lvalue, const ValidationUtils& utils);
	virtual void ValidateCleanup(const Lazy<Dictionary::Ptr>& lvalue, const ValidationUtils& utils);
	virtual void ValidateFailoverTimeout(const Lazy<double>& lvalue, const ValidationUtils& utils);
};

}

#endif
