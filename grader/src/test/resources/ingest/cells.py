#!/usr/bin/env python
# coding: utf-8

# In[1]:


import multiprocessing


# In[ ]:


# Question 3 Ans :
print("three")

# %%
x = 1
