/* Hand-written stand-in for the mkclass-generated db_ido_mysql/idomysqlconnection-ti.cpp
 * (the generated type and field accessor definitions): empty for a syntax check. */
