@echo off
rem Windows shim for the fake Azure CLI (az.mjs).
node "%~dp0az.mjs" %*
