/* Hand-written stand-in for the mkclass-generated db_ido_mysql/idomysqlconnection-ti.hpp:
 * only the declarations that the labeled files need for a syntax check. */
#ifndef STUB_DB_IDO_MYSQL_IDOMYSQLCONNECTION_TI_HPP
#define STUB_DB_IDO_MYSQL_IDOMYSQLCONNECTION_TI_HPP

#include "db_ido/dbconnection.hpp"
#include "base/configtype.hpp"

namespace icinga
{

class IdoMysqlConnection;

template<>
class TypeImpl<IdoMysqlConnection> : public Type, public ConfigType
{
public:
	String GetName() const override;
	Type::Ptr GetBaseType() const override;
	int GetAttributes() const override;
	int GetFieldId(const String& name) const override;
	Field GetFieldInfo(int id) const override;
	int GetFieldCount() const override;

protected:
	ObjectFactory GetFactory() const override;
};

template<>
class ObjectImpl<IdoMysqlConnection> : public DbConnection
{
public:
	String GetHost() const;
	int GetPort() const;
	String GetSocketPath() const;
	String GetUser() const;
	String GetPassword() const;
	String GetDatabase() const;
	bool GetEnableSsl() const;
	String GetSslKey() const;
	String GetSslCert() const;
	String GetSslCa() const;
	String GetSslCapath() const;
	String GetSslCipher() const;
	String GetInstanceName() const;
	String GetInstanceDescription() const;
};

}

#endif
