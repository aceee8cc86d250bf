/** Names in messages: the nearest valid name to a misspelled one, for compile time and run time. */
package dev.deepbuild.naming;
